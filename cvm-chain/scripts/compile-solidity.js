#!/usr/bin/env node
// Compiles every cvm-chain/src/main/solidity/*.sol with the npm package solc (solc-js) through its standard JSON
// interface and writes, for each contract, <Name>.abi (the ABI as JSON), <Name>.bin (creation bytecode, hex
// without 0x) and <Name>.bin-runtime (deployed bytecode) — the layout web3j's codegen reads.
//
// Usage: node compile-solidity.js [outputDir]
//   outputDir defaults to cvm-chain/src/main/resources/org/cvmj/chain/solidity (the committed artifacts).
//   The solc package is looked up from this directory (cvm-chain/scripts/node_modules, where .ci/run installs
//   it): npm install --prefix cvm-chain/scripts --no-save --no-package-lock solc@0.8.37
//
// The output is a pure function of the sources and these settings: fixed compiler version, evmVersion cancun,
// optimizer with fixed runs, no metadata hash in the bytecode, files and contracts in sorted order. Stale
// artifacts (contracts no longer in the sources) are removed from the output directory.
'use strict';

const fs = require('fs');
const path = require('path');

const SOLC_VERSION = '0.8.37';
const SOURCE_DIR = path.resolve(__dirname, '..', 'src', 'main', 'solidity');
const DEFAULT_OUT = path.resolve(__dirname, '..', 'src', 'main', 'resources', 'org', 'cvmj', 'chain', 'solidity');
const EXTENSIONS = ['.abi', '.bin', '.bin-runtime'];

function fail(message) {
  process.stderr.write('compile-solidity: ' + message + '\n');
  process.exit(1);
}

function loadSolc() {
  let solc;
  try {
    solc = require('solc');
  } catch (e) {
    fail('the npm package solc is not installed next to this script; run\n'
        + '  npm install --prefix ' + path.relative(process.cwd(), __dirname) + ' --no-save --no-package-lock solc@'
        + SOLC_VERSION + '\n(' + e.message + ')');
  }
  const version = solc.version();
  if (!version.startsWith(SOLC_VERSION + '+')) {
    fail('solc ' + SOLC_VERSION + ' is required, found ' + version);
  }
  return solc;
}

function main() {
  const outDir = path.resolve(process.argv[2] || DEFAULT_OUT);
  const solc = loadSolc();

  const files = fs.readdirSync(SOURCE_DIR).filter((f) => f.endsWith('.sol')).sort();
  if (files.length === 0) fail('no .sol files in ' + SOURCE_DIR);
  const sources = {};
  for (const f of files) {
    sources[f] = { content: fs.readFileSync(path.join(SOURCE_DIR, f), 'utf8') };
  }

  const input = {
    language: 'Solidity',
    sources,
    settings: {
      evmVersion: 'cancun',
      optimizer: { enabled: true, runs: 200 },
      metadata: { bytecodeHash: 'none', appendCBOR: true },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.bytecode.linkReferences',
        'evm.deployedBytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));

  const problems = output.errors || [];
  for (const p of problems.filter((p) => p.severity !== 'error')) {
    process.stderr.write((p.formattedMessage || p.message).trimEnd() + '\n');
  }
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    fail(errors.length + ' compiler error(s):\n' + errors.map((p) => (p.formattedMessage || p.message).trimEnd())
        .join('\n'));
  }

  const artifacts = new Map();
  for (const file of Object.keys(output.contracts || {}).sort()) {
    for (const name of Object.keys(output.contracts[file]).sort()) {
      const c = output.contracts[file][name];
      if (artifacts.has(name)) {
        fail('contract ' + name + ' is defined in both ' + artifacts.get(name).file + ' and ' + file
            + '; artifact names must be unique');
      }
      if (Object.keys(c.evm.bytecode.linkReferences || {}).length > 0) {
        fail('contract ' + name + ' (' + file + ') needs library linking, which this script does not do');
      }
      artifacts.set(name, {
        file,
        abi: JSON.stringify(c.abi, null, 2) + '\n',
        bin: c.evm.bytecode.object,
        binRuntime: c.evm.deployedBytecode.object,
      });
    }
  }
  if (artifacts.size === 0) fail('the compiler produced no contracts');

  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(outDir).sort()) {
    const ext = EXTENSIONS.find((e) => f.endsWith(e));
    if (ext && !artifacts.has(f.slice(0, -ext.length))) {
      fs.unlinkSync(path.join(outDir, f));
      process.stdout.write('removed stale ' + f + '\n');
    }
  }
  for (const [name, a] of artifacts) {
    // .bin files carry no trailing newline: web3j's codegen takes the file content as the bytecode verbatim.
    fs.writeFileSync(path.join(outDir, name + '.abi'), a.abi);
    fs.writeFileSync(path.join(outDir, name + '.bin'), a.bin);
    fs.writeFileSync(path.join(outDir, name + '.bin-runtime'), a.binRuntime);
    process.stdout.write(name + ' (' + a.file + '): ' + a.bin.length / 2 + ' bytes creation, '
        + a.binRuntime.length / 2 + ' bytes runtime\n');
  }
}

main();
