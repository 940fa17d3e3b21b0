/*
 * Divides 100 by (argc - 1): without arguments that is a division by zero, which gcc's check turns into
 * a taken teq (a trap); with one argument it exits with 100.
 */
#include "sys.h"

int main(int argc, char **argv) {
  (void) argv;
  return 100 / (argc - 1);
}
