/*
 * The CVM guest: runs a CVM model, described by a plan (docs/mips-guest.md), with exactly the integer
 * semantics of the Java runtime. Freestanding: no libc, no floating point, no 64-bit division, so the
 * MIPS build needs nothing but the instructions the fault-proof VM implements.
 *
 * Arithmetic that may wrap is done in uint32_t: Java's int arithmetic wraps modulo 2^32, C's signed
 * arithmetic must not overflow, and unsigned add/sub/mul compile to the same instructions.
 */
#ifndef CVM_GUEST_H
#define CVM_GUEST_H

typedef unsigned int u32;
typedef int i32;
typedef unsigned char u8;

#define NULL_ID 0xFFFFFFFFu

/* Header words of a plan; see ModelPlan.java for the writer. */
#define PLAN_MAGIC 0x43564D50u /* "CVMP" */
#define PLAN_VERSION 4 /* a plain number: plan.c also prints it */

enum {
  H_MAGIC, H_VERSION, H_WORDS, H_ARENA, H_TENSORS, H_OPS, H_INPUT, H_INPUT_COUNT, H_INPUT_SIZE,
  H_INPUT_RANGE, H_POST, H_OUTPUT_SIZE, H_HEADS, H_FIXED
};

enum { WHERE_ARENA = 0, WHERE_PLAN = 1, WHERE_NONE = 2 };
enum { POST_NONE = 0, POST_ARGMAX = 1, POST_INTERLEAVE = 2 };

/* Opcodes: one kernel each; the Java encoder lowers the 37 CVM operators onto them. */
enum {
  OP_CONV2D = 1, OP_DENSE = 2, OP_CLIP = 3, OP_RSHIFT = 4, OP_LSHIFT = 5, OP_MAXPOOL = 6,
  OP_BINARY = 7, OP_REDUCE = 8, OP_GATHER = 9, OP_CONCAT = 10, OP_UNARY = 11, OP_LUT = 12,
  OP_TAKE = 13, OP_WHERE = 14, OP_REQUANT = 15
};
enum { BIN_ADD = 0, BIN_SUB = 1, BIN_MUL = 2, BIN_MAX = 3, BIN_DIV = 4, BIN_GREATER = 5 };
enum { UN_ABS = 0, UN_NEG = 1, UN_PRECISION = 2 };
enum { RED_SUM = 0, RED_MAX = 1 };

#define MAX_DIMS 16

/* Everything a kernel needs: the plan words and every tensor's base address. */
typedef struct {
  const u32 *plan;
  u32 words;
  i32 **tensor;   /* base address per tensor id */
  u32 *count;     /* element count per tensor id */
  u32 tensors;
} Ctx;

/* Ends the program with a one-line message; never returns. */
void fail(const char *what, u32 where) __attribute__((noreturn));

/* Runs the plan on already allocated memory; returns the output byte count written to out. */
u32 run_plan(const u32 *plan, u32 words, const u8 *input, u32 input_len, u8 *out, u32 out_cap,
    void *(*alloc)(u32 bytes));

/* Kernels: each reads its record fields (after opcode and length) from f. */
void op_conv2d(Ctx *c, const u32 *f);
void op_dense(Ctx *c, const u32 *f);
void op_clip(Ctx *c, const u32 *f);
void op_rshift(Ctx *c, const u32 *f);
void op_lshift(Ctx *c, const u32 *f);
void op_unary(Ctx *c, const u32 *f);
void op_lut(Ctx *c, const u32 *f);
void op_binary(Ctx *c, const u32 *f, u32 n);
void op_where(Ctx *c, const u32 *f);
void op_requant(Ctx *c, const u32 *f);
void op_maxpool(Ctx *c, const u32 *f);
void op_reduce(Ctx *c, const u32 *f, u32 n);
void op_gather(Ctx *c, const u32 *f, u32 n);
void op_concat(Ctx *c, const u32 *f, u32 n);
void op_take(Ctx *c, const u32 *f);

/*
 * conv2d's 4-channel x 4-pixel tile (conv_tile.S for MIPS, conv_tile.c natively): w .. wend are reduction
 * steps of CONV_STEP words, 4 weights then the byte offset of the step's tap from x;
 * y[ch][j] (rows ystride bytes apart) = bias[ch] + sum of w[ch] * x[off / 4 + j]. w != wend on entry.
 */
#define CONV_STEP 5u
void conv_tile(const u32 *w, const u32 *wend, const u32 *x, i32 *y, u32 ystride, const i32 *bias);

/*
 * The row tile (conv_tile3.S / conv_tile3.c), same arguments: each reduction step of CONV_STEP3 words holds
 * 3 horizontally adjacent taps, 12 weights (tap-major: w[4 t + ch]) then the byte offset of the first tap;
 * y[ch][j] = bias[ch] + sum of w[4 t + ch] * x[off / 4 + t + j], 6 input words per step for 4 pixels.
 */
#define CONV_STEP3 13u
void conv_tile3(const u32 *w, const u32 *wend, const u32 *x, i32 *y, u32 ystride, const i32 *bias);

/* A tensor's base address, checking the id. */
i32 *tensor_at(Ctx *c, u32 id, u32 op);

#endif
