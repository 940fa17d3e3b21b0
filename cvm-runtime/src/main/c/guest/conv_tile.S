/*
 * The conv2d inner loop of the MIPS build, by hand: 4 output channels x 4 pixels = 16 sums in registers.
 * gcc spills at this size (docs/mips-guest.md), so the loop is written out; conv_tile.c is the same
 * function for the native build and states its meaning.
 *
 * void conv_tile(const u32 *w, const u32 *wend, const u32 *x, i32 *y, u32 ystride, const i32 *bias)
 *   w .. wend: reduction steps of 5 words: 4 weights (one per channel), then the byte offset of the step's
 *   tap from x. y[ch][j] (rows ystride bytes apart) = bias[ch] + sum over steps of w[ch] * x[off/4 + j].
 *   ystride and bias are the 5th and 6th arguments, on the caller's stack (O32).
 *
 * Per step: 1 offset load, 1 add, 4 input loads, 4 weight loads, 15 mul + 15 addu, 1 madd (the last sum
 * lives in LO: madd adds the 64-bit product to HI:LO, whose low word is the sum modulo 2^32), 1 pointer
 * bump and 1 branch whose delay slot does the madd: 43 instructions for 16 multiply-accumulates.
 * Products wrap modulo 2^32 exactly like the Java runtime's int arithmetic (mul keeps the low word).
 */
  .set noreorder
  .set noat
  .text

  .globl conv_tile
  .ent conv_tile
conv_tile:
  /* Callee-saved registers used as sums, the frame keeps 16 bytes of argument area below them. */
  addiu $sp, $sp, -40
  sw $16, 0($sp)
  sw $17, 4($sp)
  sw $18, 8($sp)
  sw $19, 12($sp)
  sw $20, 16($sp)
  sw $21, 20($sp)
  sw $22, 24($sp)
  sw $23, 28($sp)
  sw $30, 32($sp)
  lw $1, 60($sp)        /* bias (6th argument: 20 bytes into the caller's area, plus this frame) */
  /* Sums: channel 0 in $8..$11, 1 in $12..$15, 2 in $16..$19, 3 in $20..$22 and LO; lanes in order. HI is
     left as it is: LO's value never depends on it. */
  lw $8, 0($1)
  lw $12, 4($1)
  lw $16, 8($1)
  lw $20, 12($1)
  move $9, $8
  move $10, $8
  move $11, $8
  move $13, $12
  move $14, $12
  move $15, $12
  move $17, $16
  move $18, $16
  move $19, $16
  move $21, $20
  move $22, $20
  mtlo $20
  /* $24 $25 $2 $3: the 4 inputs of a step; $1: a weight; $30: the input address, then each product. */
1:
  lw $30, 16($4)
  addu $30, $6, $30
  lw $24, 0($30)
  lw $25, 4($30)
  lw $2, 8($30)
  lw $3, 12($30)
  lw $1, 0($4)
  mul $30, $1, $24
  addu $8, $8, $30
  mul $30, $1, $25
  addu $9, $9, $30
  mul $30, $1, $2
  addu $10, $10, $30
  mul $30, $1, $3
  addu $11, $11, $30
  lw $1, 4($4)
  mul $30, $1, $24
  addu $12, $12, $30
  mul $30, $1, $25
  addu $13, $13, $30
  mul $30, $1, $2
  addu $14, $14, $30
  mul $30, $1, $3
  addu $15, $15, $30
  lw $1, 8($4)
  mul $30, $1, $24
  addu $16, $16, $30
  mul $30, $1, $25
  addu $17, $17, $30
  mul $30, $1, $2
  addu $18, $18, $30
  mul $30, $1, $3
  addu $19, $19, $30
  addiu $4, $4, 20
  lw $1, -8($4)
  mul $30, $1, $24
  addu $20, $20, $30
  mul $30, $1, $25
  addu $21, $21, $30
  mul $30, $1, $2
  addu $22, $22, $30
  bne $4, $5, 1b
  madd $1, $3
  /* Store the 16 sums, one channel row every ystride bytes. */
  mflo $23
  lw $1, 56($sp)        /* ystride (5th argument) */
  sw $8, 0($7)
  sw $9, 4($7)
  sw $10, 8($7)
  sw $11, 12($7)
  addu $7, $7, $1
  sw $12, 0($7)
  sw $13, 4($7)
  sw $14, 8($7)
  sw $15, 12($7)
  addu $7, $7, $1
  sw $16, 0($7)
  sw $17, 4($7)
  sw $18, 8($7)
  sw $19, 12($7)
  addu $7, $7, $1
  sw $20, 0($7)
  sw $21, 4($7)
  sw $22, 8($7)
  sw $23, 12($7)
  lw $16, 0($sp)
  lw $17, 4($sp)
  lw $18, 8($sp)
  lw $19, 12($sp)
  lw $20, 16($sp)
  lw $21, 20($sp)
  lw $22, 24($sp)
  lw $23, 28($sp)
  lw $30, 32($sp)
  jr $ra
  addiu $sp, $sp, 40
  .end conv_tile
