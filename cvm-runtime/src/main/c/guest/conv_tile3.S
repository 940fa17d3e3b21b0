/*
 * conv2d's row tile for the MIPS build, by hand: like conv_tile.S (4 output channels x 4 pixels = 16 sums
 * in registers), but each reduction step holds 3 horizontally adjacent taps of one kernel row, which at
 * unit column stride and dilation read input words x[off/4 + t + j] for t < 3, j < 4: 6 distinct words
 * instead of 12. conv_tile3.c is the same function for the native build and states its meaning.
 *
 * void conv_tile3(const u32 *w, const u32 *wend, const u32 *x, i32 *y, u32 ystride, const i32 *bias)
 *   w .. wend: reduction steps of 13 words: 12 weights, tap-major (w[4 t + ch]), then the byte offset of
 *   the step's first tap from x. y[ch][j] (rows ystride bytes apart) = bias[ch] + sum over steps and t of
 *   w[4 t + ch] * x[off/4 + t + j]. ystride and bias are the 5th and 6th arguments, on the caller's stack.
 *
 * Per step: 1 offset load, 1 add, 6 input loads, 12 weight loads, 45 mul + 45 addu, 3 madd (the last sum
 * lives in LO, as in conv_tile.S), 1 pointer bump and 1 branch whose delay slot does the last madd:
 * 115 instructions for 48 multiply-accumulates (2.396 per MAC). Registers: 15 sums and LO, 6 inputs, a
 * weight, a product and the 3 pointer arguments; y waits in its argument slot on the caller's stack.
 * Products wrap modulo 2^32 like the Java runtime's int arithmetic.
 */
  .set noreorder
  .set noat
  .text

  .globl conv_tile3
  .ent conv_tile3
conv_tile3:
  /* Callee-saved registers used as sums and inputs, the frame keeps 16 bytes of argument area below. */
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
  sw $28, 36($sp)
  sw $7, 52($sp)        /* y, in its own argument slot (4th: 12 bytes into the caller's area) */
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
  /* $24 $25 $2 $3 $7 $28: the 6 input words of a step; $1: a weight; $30: the input address, then each
     product. */
1:
  lw $30, 48($4)
  addu $30, $6, $30
  lw $24, 0($30)
  lw $25, 4($30)
  lw $2, 8($30)
  lw $3, 12($30)
  lw $7, 16($30)
  lw $28, 20($30)
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
  lw $1, 12($4)
  mul $30, $1, $24
  addu $20, $20, $30
  mul $30, $1, $25
  addu $21, $21, $30
  mul $30, $1, $2
  addu $22, $22, $30
  madd $1, $3
  lw $1, 16($4)
  mul $30, $1, $25
  addu $8, $8, $30
  mul $30, $1, $2
  addu $9, $9, $30
  mul $30, $1, $3
  addu $10, $10, $30
  mul $30, $1, $7
  addu $11, $11, $30
  lw $1, 20($4)
  mul $30, $1, $25
  addu $12, $12, $30
  mul $30, $1, $2
  addu $13, $13, $30
  mul $30, $1, $3
  addu $14, $14, $30
  mul $30, $1, $7
  addu $15, $15, $30
  lw $1, 24($4)
  mul $30, $1, $25
  addu $16, $16, $30
  mul $30, $1, $2
  addu $17, $17, $30
  mul $30, $1, $3
  addu $18, $18, $30
  mul $30, $1, $7
  addu $19, $19, $30
  lw $1, 28($4)
  mul $30, $1, $25
  addu $20, $20, $30
  mul $30, $1, $2
  addu $21, $21, $30
  mul $30, $1, $3
  addu $22, $22, $30
  madd $1, $7
  lw $1, 32($4)
  mul $30, $1, $2
  addu $8, $8, $30
  mul $30, $1, $3
  addu $9, $9, $30
  mul $30, $1, $7
  addu $10, $10, $30
  mul $30, $1, $28
  addu $11, $11, $30
  lw $1, 36($4)
  mul $30, $1, $2
  addu $12, $12, $30
  mul $30, $1, $3
  addu $13, $13, $30
  mul $30, $1, $7
  addu $14, $14, $30
  mul $30, $1, $28
  addu $15, $15, $30
  lw $1, 40($4)
  mul $30, $1, $2
  addu $16, $16, $30
  mul $30, $1, $3
  addu $17, $17, $30
  mul $30, $1, $7
  addu $18, $18, $30
  mul $30, $1, $28
  addu $19, $19, $30
  addiu $4, $4, 52
  lw $1, -8($4)
  mul $30, $1, $2
  addu $20, $20, $30
  mul $30, $1, $3
  addu $21, $21, $30
  mul $30, $1, $7
  addu $22, $22, $30
  bne $4, $5, 1b
  madd $1, $28
  /* Store the 16 sums, one channel row every ystride bytes. */
  mflo $23
  lw $1, 56($sp)        /* ystride (5th argument) */
  lw $7, 52($sp)        /* y */
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
  lw $28, 36($sp)
  jr $ra
  addiu $sp, $sp, 40
  .end conv_tile3
