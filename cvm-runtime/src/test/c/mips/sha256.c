/*
 * SHA-256 (FIPS 180-4) of fixed messages and of everything read from stdin. Lines are
 * "sha256 NAME LENGTH = HEXDIGEST"; the Java test compares them with MessageDigest.
 */
#include "sys.h"

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

struct sha256 {
  uint32_t h[8];
  uint8_t block[64];
  uint32_t used;
  uint64_t length;
};

static uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void compress(struct sha256 *s) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++) {
    const uint8_t *p = s->block + 4 * i;
    w[i] = ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) | ((uint32_t) p[2] << 8) | p[3];
  }
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3];
  uint32_t e = s->h[4], f = s->h[5], g = s->h[6], h = s->h[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  s->h[0] += a;
  s->h[1] += b;
  s->h[2] += c;
  s->h[3] += d;
  s->h[4] += e;
  s->h[5] += f;
  s->h[6] += g;
  s->h[7] += h;
}

static void sha_init(struct sha256 *s) {
  static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  memcpy(s->h, iv, sizeof iv);
  s->used = 0;
  s->length = 0;
}

static void sha_update(struct sha256 *s, const uint8_t *data, size_t n) {
  for (size_t i = 0; i < n; i++) {
    s->block[s->used++] = data[i];
    if (s->used == 64) {
      compress(s);
      s->used = 0;
    }
  }
  s->length += n;
}

static void sha_final(struct sha256 *s, uint8_t out[32]) {
  uint64_t bits = s->length * 8;
  uint8_t pad = 0x80;
  sha_update(s, &pad, 1);
  pad = 0;
  while (s->used != 56) {
    sha_update(s, &pad, 1);
  }
  for (int i = 7; i >= 0; i--) {
    uint8_t b = (uint8_t) (bits >> (8 * i));
    sha_update(s, &b, 1);
  }
  for (int i = 0; i < 8; i++) {
    out[4 * i] = (uint8_t) (s->h[i] >> 24);
    out[4 * i + 1] = (uint8_t) (s->h[i] >> 16);
    out[4 * i + 2] = (uint8_t) (s->h[i] >> 8);
    out[4 * i + 3] = (uint8_t) s->h[i];
  }
}

static void put_digest(const char *name, const uint8_t *data, size_t n) {
  static const char digits[] = "0123456789abcdef";
  struct sha256 s;
  uint8_t d[32];
  sha_init(&s);
  sha_update(&s, data, n);
  sha_final(&s, d);
  put_str("sha256 ");
  put_str(name);
  put_char(' ');
  put_udec(n);
  put_str(" = ");
  for (int i = 0; i < 32; i++) {
    put_char(digits[d[i] >> 4]);
    put_char(digits[d[i] & 15]);
  }
  put_char('\n');
}

static uint8_t input[1 << 16];
static uint8_t pattern[1000];

int main(void) {
  put_digest("empty", (const uint8_t *) "", 0);
  put_digest("abc", (const uint8_t *) "abc", 3);
  const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  put_digest("two-blocks", (const uint8_t *) two_blocks, strlen(two_blocks));
  for (int i = 0; i < (int) sizeof pattern; i++) {
    pattern[i] = (uint8_t) (i * 7 + (i >> 3));
  }
  put_digest("pattern", pattern, sizeof pattern);
  int n = read_all(input, sizeof input);
  if (n < 0) {
    put_line("read failed");
    return 3;
  }
  put_digest("stdin", input, (size_t) n);
  return 0;
}
