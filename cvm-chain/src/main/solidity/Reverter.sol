// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// Every way a call can fail: require with a reason, a custom error, a panic, a bare revert, and a caller that
/// catches the callee's failure and reports it.
contract Reverter {
    error Unauthorized(address caller, uint256 code);

    event Caught(bytes4 indexed selector, string reason);

    function requirePositive(uint256 x) external pure returns (uint256) {
        require(x > 0, "Reverter: x must be positive");
        return x * 2;
    }

    function customError(uint256 code) external view {
        revert Unauthorized(msg.sender, code);
    }

    function divide(uint256 a, uint256 b) external pure returns (uint256) {
        return a / b; // b == 0: Panic(0x12)
    }

    function bareRevert() external pure {
        revert();
    }

    /// Calls requirePositive(x) on `target` and returns the reason it failed with, or "" when it succeeded.
    function catchReason(address target, uint256 x) external returns (string memory) {
        try Reverter(target).requirePositive(x) returns (uint256) {
            return "";
        } catch Error(string memory reason) {
            emit Caught(0x08c379a0, reason);
            return reason;
        }
    }

    /// Calls customError(code) on `target` and returns the raw revert data.
    function catchCustom(address target, uint256 code) external returns (bytes memory) {
        try Reverter(target).customError(code) {
            return "";
        } catch (bytes memory data) {
            emit Caught(bytes4(data), "");
            return data;
        }
    }
}
