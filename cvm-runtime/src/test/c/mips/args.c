/*
 * Reads argc and argv the way the VM lays them out on the stack, and exits with the number given as the
 * first argument (or 3 without arguments), so the exit status path is checked for values other than 0.
 */
#include "sys.h"

int main(int argc, char **argv) {
  put_str("argc ");
  put_dec(argc);
  put_char('\n');
  for (int i = 1; i < argc; i++) {
    put_str("argv[");
    put_dec(i);
    put_str("] ");
    put_udec(strlen(argv[i]));
    put_char(' ');
    put_line(argv[i]);
  }
  if (argv[argc] != 0) {
    put_line("argv is not NULL-terminated");
    return 125;
  }
  if (argc < 2) {
    return 3;
  }
  int code = 0;
  for (const char *p = argv[1]; *p >= '0' && *p <= '9'; p++) {
    code = code * 10 + (*p - '0');
  }
  return code;
}
