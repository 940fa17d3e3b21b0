// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// The `infer` precompile at address 0xc001 (docs/models-on-chain.md). Input and output bytes follow the CVM
/// convention: one byte per int8 element, four big-endian bytes per int32 element.
interface ICVMInfer {
    /// Runs `model` on `input`. Gas: base + ops / OPS_PER_GAS + the author's fee (docs/gas.md). Reverts with a
    /// reason for an unknown, uploading, rejected or immature model or a wrong input length.
    function infer(address model, bytes calldata input) external returns (bytes memory output);
}

/// Helpers for contracts that call models: packing inputs, calling `infer`, reading outputs.
library CVM {
    address internal constant REGISTRY = address(0xc000);
    address internal constant INFER = address(0xc001);

    /// Runs `model` with CALL: pays the author's fee (if any) and counts the call. Bubbles up the revert reason.
    function infer(address model, bytes memory input) internal returns (bytes memory) {
        (bool ok, bytes memory ret) = INFER.call(abi.encodeCall(ICVMInfer.infer, (model, input)));
        if (!ok) bubble(ret);
        return abi.decode(ret, (bytes));
    }

    /// Runs `model` with STATICCALL, for views: only models without a fee may be called this way.
    function inferView(address model, bytes memory input) internal view returns (bytes memory) {
        (bool ok, bytes memory ret) = INFER.staticcall(abi.encodeCall(ICVMInfer.infer, (model, input)));
        if (!ok) bubble(ret);
        return abi.decode(ret, (bytes));
    }

    /// int8 elements: each value must be in [-128, 127].
    function packInt8(int256[] memory values) internal pure returns (bytes memory out) {
        out = new bytes(values.length);
        for (uint256 i = 0; i < values.length; i++) {
            require(values[i] >= -128 && values[i] <= 127, "CVM.packInt8: value out of int8 range");
            out[i] = bytes1(uint8(int8(values[i])));
        }
    }

    /// int32 elements, big-endian.
    function packInt32(int256[] memory values) internal pure returns (bytes memory out) {
        out = new bytes(values.length * 4);
        for (uint256 i = 0; i < values.length; i++) {
            require(values[i] >= type(int32).min && values[i] <= type(int32).max,
                "CVM.packInt32: value out of int32 range");
            uint32 v = uint32(int32(values[i]));
            for (uint256 k = 0; k < 4; k++) {
                out[i * 4 + k] = bytes1(uint8(v >> (24 - 8 * k)));
            }
        }
    }

    /// Element `i` of an output whose elements are `elementSize` bytes (1: int8, 4: int32 big-endian).
    function element(bytes memory output, uint256 elementSize, uint256 i) internal pure returns (int256) {
        if (elementSize == 1) return int8(uint8(output[i]));
        require(elementSize == 4, "CVM.element: element size must be 1 or 4");
        uint32 v;
        for (uint256 k = 0; k < 4; k++) {
            v = (v << 8) | uint8(output[i * 4 + k]);
        }
        return int32(v);
    }

    /// Index of the first largest element (signed), as the runtime's argmax.
    function argmax(bytes memory output, uint256 elementSize) internal pure returns (uint256 best) {
        uint256 n = output.length / elementSize;
        require(n > 0, "CVM.argmax: empty output");
        int256 top = element(output, elementSize, 0);
        for (uint256 i = 1; i < n; i++) {
            int256 v = element(output, elementSize, i);
            if (v > top) {
                top = v;
                best = i;
            }
        }
    }

    function bubble(bytes memory ret) private pure {
        assembly {
            revert(add(ret, 32), mload(ret))
        }
    }
}
