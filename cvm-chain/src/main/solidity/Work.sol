// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// Compute-heavy loops for measuring EVM throughput (cvm-chain bench): a keccak chain and an arithmetic mix. The
/// storing variants write the result so that a transaction cannot be reduced to nothing and pays for real work.
contract Work {
    bytes32 public lastHash;
    uint256 public lastMix;

    /// keccak256 applied `rounds` times, starting from `seed`.
    function hashChain(bytes32 seed, uint256 rounds) public pure returns (bytes32 h) {
        h = seed;
        for (uint256 i = 0; i < rounds; ++i) {
            h = keccak256(abi.encodePacked(h, i));
        }
    }

    /// `rounds` steps of multiply, add and xor modulo a prime (mulmod/addmod never overflow).
    function mix(uint256 x, uint256 rounds) public pure returns (uint256) {
        uint256 p = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff;
        for (uint256 i = 0; i < rounds; ++i) {
            x = addmod(mulmod(x, x, p), i ^ (x >> 7), p);
        }
        return x;
    }

    function storeHashChain(bytes32 seed, uint256 rounds) external returns (bytes32 h) {
        h = hashChain(seed, rounds);
        lastHash = h;
    }

    function storeMix(uint256 x, uint256 rounds) external returns (uint256 r) {
        r = mix(x, rounds);
        lastMix = r;
    }
}
