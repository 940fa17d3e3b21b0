/*
 * The whole runtime the test programs have: Linux O32 syscalls through inline asm, and a few output
 * helpers (io.c) and memory routines (mem.c). No libc, so that every instruction the VM executes comes
 * from these sources.
 */
#ifndef CVMJ_MIPS_SYS_H
#define CVMJ_MIPS_SYS_H

#define SYS_exit       4001
#define SYS_read       4003
#define SYS_write      4004
#define SYS_exit_group 4246

typedef unsigned int size_t;
typedef unsigned int uint32_t;
typedef int int32_t;
typedef unsigned short uint16_t;
typedef short int16_t;
typedef unsigned char uint8_t;
typedef signed char int8_t;
typedef unsigned long long uint64_t;
typedef long long int64_t;

/* O32: number in $v0, arguments in $a0-$a2; the kernel returns $v0 and sets $a3 on error (errno in $v0). */
static inline int syscall3(int number, int a, int b, int c) {
  register int v0 __asm__("$2") = number;
  register int a0 __asm__("$4") = a;
  register int a1 __asm__("$5") = b;
  register int a2 __asm__("$6") = c;
  register int a3 __asm__("$7");
  __asm__ volatile("syscall"
                   : "+r"(v0), "=r"(a3)
                   : "r"(a0), "r"(a1), "r"(a2)
                   : "$1", "$3", "$8", "$9", "$10", "$11", "$12", "$13", "$14", "$15", "$24", "$25", "hi", "lo",
                     "memory");
  return a3 ? -v0 : v0;
}

static inline int sys_read(int fd, void *buf, size_t n) { return syscall3(SYS_read, fd, (int) buf, (int) n); }
static inline int sys_write(int fd, const void *buf, size_t n) { return syscall3(SYS_write, fd, (int) buf, (int) n); }
static inline void sys_exit(int code) {
  syscall3(SYS_exit_group, code, 0, 0);
  for (;;) {
  }
}

/* io.c: line-buffered output to fd 1; start.S calls io_flush after main returns. */
void io_flush(void);
void put_bytes(const char *s, size_t n);
void put_str(const char *s);
void put_char(char c);
void put_dec(int v);
void put_udec(unsigned v);
void put_hex(unsigned v);       /* 0x%08x */
void put_hex64(uint64_t v);     /* 0x%016llx */
void put_line(const char *s);   /* s and a newline */
/* "name a b = r\n" with every number as put_hex: the line format the Java tests parse and recompute. */
void put_op(const char *name, unsigned a, unsigned b, unsigned r);
void put_op64(const char *name, unsigned a, unsigned b, uint64_t r);
/* Prints the (name, value, expected) triples insns.S records and a summary; returns the mismatches. */
int report_checks(const unsigned *begin, const unsigned *end);
/* Reads all of fd 0 into buf (at most cap bytes); returns the length, or -1 on a read error. */
int read_all(void *buf, size_t cap);

/* mem.c */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

#endif
