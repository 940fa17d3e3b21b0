/* String handling without a libc: copy, concatenate, compare, search, reverse, case, number parsing. */
#include "sys.h"

static char *str_copy(char *dst, const char *src) {
  char *d = dst;
  while ((*d++ = *src++) != 0) {
  }
  return dst;
}

static char *str_cat(char *dst, const char *src) {
  str_copy(dst + strlen(dst), src);
  return dst;
}

static int str_cmp(const char *a, const char *b) {
  while (*a && *a == *b) {
    a++;
    b++;
  }
  return (unsigned char) *a - (unsigned char) *b;
}

static int find(const char *haystack, const char *needle) {
  size_t n = strlen(needle);
  for (int i = 0; haystack[i]; i++) {
    if (memcmp(haystack + i, needle, n) == 0) {
      return i;
    }
  }
  return -1;
}

static void reverse(char *s) {
  for (size_t i = 0, j = strlen(s); i + 1 < j; i++, j--) {
    char t = s[i];
    s[i] = s[j - 1];
    s[j - 1] = t;
  }
}

static void upper(char *s) {
  for (; *s; s++) {
    if (*s >= 'a' && *s <= 'z') {
      *s = (char) (*s - 'a' + 'A');
    }
  }
}

static int parse_int(const char *s) {
  int sign = 1;
  int v = 0;
  if (*s == '-') {
    sign = -1;
    s++;
  }
  while (*s >= '0' && *s <= '9') {
    v = v * 10 + (*s++ - '0');
  }
  return sign * v;
}

static int count_words(const char *s) {
  int n = 0;
  int in = 0;
  for (; *s; s++) {
    int space = *s == ' ' || *s == '\t' || *s == '\n';
    if (!space && !in) {
      n++;
    }
    in = !space;
  }
  return n;
}

static int sign(int v) { return v < 0 ? -1 : v > 0; }

int main(void) {
  char buf[128];
  str_copy(buf, "fault");
  str_cat(buf, " ");
  str_cat(buf, "proof");
  put_line(buf);
  put_str("length ");
  put_udec(strlen(buf));
  put_char('\n');
  put_str("compare ");
  put_dec(sign(str_cmp("apple", "apricot")));
  put_char(' ');
  put_dec(sign(str_cmp("b", "a")));
  put_char(' ');
  put_dec(sign(str_cmp("same", "same")));
  put_char(' ');
  put_dec(sign(str_cmp("short", "shorter")));
  put_char('\n');
  put_str("find ");
  put_dec(find(buf, "proof"));
  put_char(' ');
  put_dec(find(buf, "x"));
  put_char('\n');
  reverse(buf);
  put_line(buf);
  upper(buf);
  put_line(buf);
  put_str("parse ");
  put_dec(parse_int("-2147483647") - 1);
  put_char(' ');
  put_dec(parse_int("987654321"));
  put_char('\n');
  put_str("words ");
  put_dec(count_words("  one two\tthree\nfour  "));
  put_char('\n');
  return 0;
}
