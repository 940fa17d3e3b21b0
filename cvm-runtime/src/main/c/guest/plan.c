/* Reads a plan, lays out the tensors and runs the operator records in order. */
#include "cvm.h"

/* Fields (after opcode and length) of the fixed-size records; 0 = variable, checked by the kernel. */
static const u32 FIELDS[] = {
  [OP_CONV2D] = 22, [OP_DENSE] = 7, [OP_CLIP] = 5, [OP_RSHIFT] = 6, [OP_LSHIFT] = 6,
  [OP_MAXPOOL] = 13, [OP_BINARY] = 0, [OP_REDUCE] = 0, [OP_GATHER] = 0, [OP_CONCAT] = 0,
  [OP_UNARY] = 4, [OP_LUT] = 5, [OP_TAKE] = 7, [OP_WHERE] = 7, [OP_REQUANT] = 12
};
#define OP_MAX OP_REQUANT
#define TEXT(v) #v
#define TEXT_OF(v) TEXT(v)

i32 *tensor_at(Ctx *c, u32 id, u32 op) {
  if (id >= c->tensors) {
    fail("plan: tensor id out of range in op", op);
  }
  return c->tensor[id];
}

static void decode_input(Ctx *c, const u32 *h, const u8 *in, u32 len) {
  u32 n = h[H_INPUT_COUNT];
  u32 size = h[H_INPUT_SIZE];
  i32 hi = (i32) h[H_INPUT_RANGE];
  if (len != n * size) {
    fail("input: wrong byte count, expected", n * size);
  }
  i32 *x = tensor_at(c, h[H_INPUT], 0);
  for (u32 i = 0; i < n; i++) {
    i32 v;
    if (size == 1) {
      v = (signed char) in[i];
    } else {
      const u8 *p = in + 4 * i;
      v = (i32) ((u32) p[0] | (u32) p[1] << 8 | (u32) p[2] << 16 | (u32) p[3] << 24);
    }
    /* The executor clips the input to its declared precision. */
    x[i] = v > hi ? hi : v < -hi ? -hi : v;
  }
}

static u32 put(u8 *out, u32 at, u32 cap, u32 size, i32 v) {
  if (at + size > cap) {
    fail("output: more bytes than the output region holds", cap);
  }
  if (size == 1) {
    out[at] = (u8) v;
  } else {
    u32 u = (u32) v;
    out[at] = (u8) u;
    out[at + 1] = (u8) (u >> 8);
    out[at + 2] = (u8) (u >> 16);
    out[at + 3] = (u8) (u >> 24);
  }
  return at + size;
}

/* InferenceCodec.encodeOutput: argmax rows, interleaved heads, or the single head as it is. */
static u32 encode_output(Ctx *c, const u32 *h, u8 *out, u32 cap) {
  u32 heads = h[H_HEADS];
  u32 size = h[H_OUTPUT_SIZE];
  const u32 *hd = h + H_FIXED;
  u32 at = 0;
  if (h[H_POST] == POST_ARGMAX) {
    for (u32 k = 0; k < heads; k++) {
      const i32 *v = tensor_at(c, hd[3 * k], 0);
      u32 rows = hd[3 * k + 1];
      u32 len = hd[3 * k + 2];
      for (u32 r = 0; r < rows; r++, v += len) {
        /* The reference compares the low bytes as int8. */
        u32 best = 0;
        for (u32 j = 1; j < len; j++) {
          if ((signed char) v[j] > (signed char) v[best]) {
            best = j;
          }
        }
        at = put(out, at, cap, 4, (i32) best);
      }
    }
  } else if (h[H_POST] == POST_INTERLEAVE) {
    u32 rows = hd[1];
    for (u32 r = 0; r < rows; r++) {
      for (u32 k = 0; k < heads; k++) {
        u32 len = hd[3 * k + 2];
        const i32 *v = tensor_at(c, hd[3 * k], 0) + r * len;
        for (u32 j = 0; j < len; j++) {
          at = put(out, at, cap, size, v[j]);
        }
      }
    }
  } else {
    const i32 *v = tensor_at(c, hd[0], 0);
    u32 n = hd[1] * hd[2];
    for (u32 j = 0; j < n; j++) {
      at = put(out, at, cap, size, v[j]);
    }
  }
  return at;
}

static void run_op(Ctx *c, u32 op, u32 code, const u32 *f, u32 n) {
  if (code == 0 || code > OP_MAX) {
    fail("plan: unknown opcode in op", op);
  }
  if (FIELDS[code] != 0 && FIELDS[code] != n) {
    fail("plan: wrong record length in op", op);
  }
  switch (code) {
    case OP_CONV2D: op_conv2d(c, f); break;
    case OP_DENSE: op_dense(c, f); break;
    case OP_CLIP: op_clip(c, f); break;
    case OP_RSHIFT: op_rshift(c, f); break;
    case OP_LSHIFT: op_lshift(c, f); break;
    case OP_MAXPOOL: op_maxpool(c, f); break;
    case OP_BINARY: op_binary(c, f, n); break;
    case OP_REDUCE: op_reduce(c, f, n); break;
    case OP_GATHER: op_gather(c, f, n); break;
    case OP_CONCAT: op_concat(c, f, n); break;
    case OP_UNARY: op_unary(c, f); break;
    case OP_LUT: op_lut(c, f); break;
    case OP_TAKE: op_take(c, f); break;
    case OP_WHERE: op_where(c, f); break;
    default: op_requant(c, f); break;
  }
}

u32 run_plan(const u32 *plan, u32 words, const u8 *input, u32 input_len, u8 *out, u32 out_cap,
    void *(*alloc)(u32 bytes)) {
  if (words < H_FIXED || plan[H_MAGIC] != PLAN_MAGIC) {
    fail("plan: bad magic, not a CVM plan; words", words);
  }
  if (plan[H_VERSION] != PLAN_VERSION) {
    /* An older or newer encoder's records mean something else: refuse rather than misread them. */
    fail("plan: this guest reads plan version " TEXT_OF(PLAN_VERSION) " only; the plan has version",
        plan[H_VERSION]);
  }
  if (plan[H_WORDS] != words) {
    fail("plan: length word differs from the plan size", plan[H_WORDS]);
  }
  u32 tensors = plan[H_TENSORS];
  u32 table = H_FIXED + 3 * plan[H_HEADS];
  if (plan[H_HEADS] == 0 || table + 3 * tensors > words) {
    fail("plan: tensor table runs past the end; tensors", tensors);
  }
  /* Kernels may read up to 4 words past a tensor's end (unused tail lanes): the arena has slack. */
  u32 arena_words = plan[H_ARENA];
  i32 *arena = (i32 *) alloc(4 * (arena_words + 4));
  Ctx c;
  c.plan = plan;
  c.words = words;
  c.tensors = tensors;
  c.tensor = (i32 **) alloc((u32) sizeof(i32 *) * tensors);
  c.count = (u32 *) alloc(4 * tensors);
  const u32 *t = plan + table;
  for (u32 i = 0; i < tensors; i++, t += 3) {
    u32 where = t[0];
    u32 off = t[1];
    u32 n = t[2];
    if (where == WHERE_ARENA) {
      if (off > arena_words || n > arena_words - off) {
        fail("plan: tensor outside the arena", i);
      }
      c.tensor[i] = arena + off;
    } else if (where == WHERE_PLAN) {
      if (off > words || n > words - off) {
        fail("plan: tensor outside the plan", i);
      }
      c.tensor[i] = (i32 *) (plan + off);
    } else {
      c.tensor[i] = arena;
      n = 0;
    }
    c.count[i] = n;
  }
  for (u32 k = 0; k < plan[H_HEADS]; k++) {
    const u32 *hd = plan + H_FIXED + 3 * k;
    if (hd[0] >= tensors || hd[1] * hd[2] > c.count[hd[0]]) {
      fail("plan: bad head", k);
    }
  }
  if (plan[H_INPUT] >= tensors || plan[H_INPUT_COUNT] > c.count[plan[H_INPUT]]) {
    fail("plan: bad input tensor", plan[H_INPUT]);
  }
  decode_input(&c, plan, input, input_len);
  const u32 *r = t;
  for (u32 op = 0; op < plan[H_OPS]; op++) {
    if ((u32) (r - plan) + 2 > words || r[1] < 2 || r[1] > words - (u32) (r - plan)) {
      fail("plan: op record runs past the end; op", op);
    }
    run_op(&c, op, r[0], r + 2, r[1] - 2);
    r += r[1];
  }
  return encode_output(&c, plan, out, out_cap);
}
