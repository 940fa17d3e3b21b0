/* Output helpers for the test programs (see sys.h). Numbers are formatted here, not by a libc. */
#include "sys.h"

/* Line buffered: one write per line keeps the syscall count (and qemu's run time) low. */
static char line[256];
static size_t used;

static void write_all(const char *s, size_t n) {
  while (n > 0) {
    int w = sys_write(1, s, n);
    if (w <= 0) {
      sys_exit(120); /* a lost write must not look like a passing run */
    }
    s += w;
    n -= (size_t) w;
  }
}

void io_flush(void) {
  write_all(line, used);
  used = 0;
}

void put_bytes(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (used == sizeof line) {
      io_flush();
    }
    line[used++] = s[i];
    if (s[i] == '\n') {
      io_flush();
    }
  }
}

void put_str(const char *s) { put_bytes(s, strlen(s)); }

void put_char(char c) { put_bytes(&c, 1); }

void put_line(const char *s) {
  put_str(s);
  put_char('\n');
}

void put_udec(unsigned v) {
  char buf[10];
  int i = sizeof buf;
  do {
    buf[--i] = (char) ('0' + v % 10);
    v /= 10;
  } while (v != 0);
  put_bytes(buf + i, sizeof buf - i);
}

void put_dec(int v) {
  if (v < 0) {
    put_char('-');
    put_udec(0u - (unsigned) v); /* also right for INT_MIN */
  } else {
    put_udec((unsigned) v);
  }
}

static void hex_digits(char *out, unsigned v, int n) {
  static const char digits[] = "0123456789abcdef";
  for (int i = n - 1; i >= 0; i--) {
    out[i] = digits[v & 15];
    v >>= 4;
  }
}

void put_hex(unsigned v) {
  char buf[10] = {'0', 'x'};
  hex_digits(buf + 2, v, 8);
  put_bytes(buf, sizeof buf);
}

void put_hex64(uint64_t v) {
  char buf[18] = {'0', 'x'};
  hex_digits(buf + 2, (unsigned) (v >> 32), 8);
  hex_digits(buf + 10, (unsigned) v, 8);
  put_bytes(buf, sizeof buf);
}

void put_op(const char *name, unsigned a, unsigned b, unsigned r) {
  put_str(name);
  put_char(' ');
  put_hex(a);
  put_char(' ');
  put_hex(b);
  put_str(" = ");
  put_hex(r);
  put_char('\n');
}

void put_op64(const char *name, unsigned a, unsigned b, uint64_t r) {
  put_str(name);
  put_char(' ');
  put_hex(a);
  put_char(' ');
  put_hex(b);
  put_str(" = ");
  put_hex64(r);
  put_char('\n');
}

int read_all(void *buf, size_t cap) {
  size_t n = 0;
  while (n < cap) {
    int r = sys_read(0, (char *) buf + n, cap - n);
    if (r < 0) {
      return -1;
    }
    if (r == 0) {
      break;
    }
    n += (size_t) r;
  }
  return (int) n;
}

int report_checks(const unsigned *begin, const unsigned *end) {
  int checks = 0;
  int failures = 0;
  for (const unsigned *p = begin; p < end; p += 3) {
    put_str((const char *) p[0]);
    put_str(" = ");
    put_hex(p[1]);
    if (p[1] != p[2]) {
      put_str(" FAIL expected ");
      put_hex(p[2]);
      failures++;
    }
    put_char('\n');
    checks++;
  }
  put_str("checks ");
  put_dec(checks);
  put_str(" failures ");
  put_dec(failures);
  put_char('\n');
  return failures;
}
