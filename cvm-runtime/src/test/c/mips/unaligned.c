/*
 * Unaligned word and halfword access through packed structs, which gcc compiles to lwl/lwr, swl/swr and
 * byte loads. Every access is also checked against a byte-by-byte big-endian reference; lines:
 *   load32 OFF = V, load16u OFF = V, load16s OFF = V    (buffer byte i holds (i * 37 + 11) & 0xff)
 *   store32 OFF = 12 bytes after storing 0xa1b2c3d4 at OFF into zeroes, store16 OFF = ... for 0xe5f6
 *   copy SRC DST = ok|bad   (a word-at-a-time copy between unaligned addresses)
 */
#include "sys.h"

struct __attribute__((packed)) u32 { uint32_t v; };
struct __attribute__((packed)) u16 { uint16_t v; };
struct __attribute__((packed)) s16 { int16_t v; };
struct __attribute__((packed)) record {
  uint8_t tag;
  uint32_t word;
  int16_t half;
  uint8_t pad;
  int32_t sword;
};

static uint8_t buf[64];
static int failures;

/* The reference reads one byte at a time; noinline keeps gcc from merging it with the packed access. */
__attribute__((noinline)) static uint32_t be32(const uint8_t *p) {
  return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) | ((uint32_t) p[2] << 8) | p[3];
}

__attribute__((noinline)) static uint32_t be16(const uint8_t *p) { return ((uint32_t) p[0] << 8) | p[1]; }

static void expect(uint32_t got, uint32_t want) {
  if (got != want) {
    failures++;
  }
}

static void put_labeled(const char *name, int off, uint32_t v) {
  put_str(name);
  put_char(' ');
  put_dec(off);
  put_str(" = ");
  put_hex(v);
  put_char('\n');
}

static void put_buffer(const char *name, int off, const uint8_t *b, int n) {
  static const char digits[] = "0123456789abcdef";
  put_str(name);
  put_char(' ');
  put_dec(off);
  put_str(" = ");
  for (int i = 0; i < n; i++) {
    put_char(digits[b[i] >> 4]);
    put_char(digits[b[i] & 15]);
  }
  put_char('\n');
}

static void loads(void) {
  for (int off = 0; off < 8; off++) {
    uint32_t w = ((const struct u32 *) (buf + off))->v;
    uint32_t h = ((const struct u16 *) (buf + off))->v;
    int32_t s = ((const struct s16 *) (buf + off))->v;
    expect(w, be32(buf + off));
    expect(h, be16(buf + off));
    expect((uint32_t) s, (uint32_t) (int32_t) (int16_t) be16(buf + off));
    put_labeled("load32", off, w);
    put_labeled("load16u", off, h);
    put_labeled("load16s", off, (uint32_t) s);
  }
}

static void stores(void) {
  for (int off = 0; off < 8; off++) {
    uint8_t out[12] = {0};
    ((struct u32 *) (out + off))->v = 0xa1b2c3d4u;
    expect(be32(out + off), 0xa1b2c3d4u);
    put_buffer("store32", off, out, sizeof out);
    uint8_t out16[12] = {0};
    ((struct u16 *) (out16 + off))->v = 0xe5f6;
    expect(be16(out16 + off), 0xe5f6);
    put_buffer("store16", off, out16, sizeof out16);
  }
}

static void records(void) {
  uint8_t area[40] = {0};
  for (int off = 0; off < 4; off++) {
    struct record *r = (struct record *) (area + off);
    r->tag = 0x5a;
    r->word = 0x01020304u * (uint32_t) (off + 1);
    r->half = -2 - off;
    r->pad = 0xa5;
    r->sword = -100000 * (off + 1);
    expect(r->word, 0x01020304u * (uint32_t) (off + 1));
    expect((uint32_t) r->half, (uint32_t) (-2 - off));
    expect((uint32_t) r->sword, (uint32_t) (-100000 * (off + 1)));
    expect(area[off], 0x5a);
    put_buffer("record", off, area + off, sizeof(struct record));
  }
}

/* A memcpy that moves 4 bytes per iteration with unaligned loads and stores. */
__attribute__((noinline)) static void copy_words(uint8_t *dst, const uint8_t *src, int n) {
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    ((struct u32 *) (dst + i))->v = ((const struct u32 *) (src + i))->v;
  }
  for (; i < n; i++) {
    dst[i] = src[i];
  }
}

static void copies(void) {
  for (int src = 0; src < 4; src++) {
    for (int dst = 0; dst < 4; dst++) {
      uint8_t out[48];
      memset(out, 0xee, sizeof out);
      copy_words(out + dst, buf + src, 37);
      int ok = memcmp(out + dst, buf + src, 37) == 0 && out[dst + 37] == 0xee && (dst == 0 || out[dst - 1] == 0xee);
      if (!ok) {
        failures++;
      }
      put_str("copy ");
      put_dec(src);
      put_char(' ');
      put_dec(dst);
      put_line(ok ? " = ok" : " = bad");
    }
  }
}

int main(void) {
  for (int i = 0; i < (int) sizeof buf; i++) {
    buf[i] = (uint8_t) (i * 37 + 11);
  }
  loads();
  stores();
  records();
  copies();
  put_str("unaligned failures ");
  put_dec(failures);
  put_char('\n');
  return failures != 0;
}
