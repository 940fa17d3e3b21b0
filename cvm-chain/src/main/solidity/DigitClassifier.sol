// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import "./CVM.sol";

/// Classifies a 28x28 handwritten digit (784 int8 pixels, row-major) with a registered MNIST model, whose output
/// is 10 scores or, for a model with argmax post-processing, the class itself as one int32.
contract DigitClassifier {
    address public immutable model;
    /// Bytes per output element: 1 (int8 scores) or 4 (int32).
    uint8 public immutable outputElementSize;
    uint256 public lastDigit;

    event Classified(address indexed by, uint256 digit);

    constructor(address model_, uint8 outputElementSize_) {
        model = model_;
        outputElementSize = outputElementSize_;
    }

    /// In a transaction: pays the model's fee, records and emits the digit.
    function classify(bytes calldata image) external returns (uint256 digit) {
        digit = digitOf(CVM.infer(model, checked(image)));
        lastDigit = digit;
        emit Classified(msg.sender, digit);
    }

    /// In a view (eth_call): only for a model without a fee.
    function predict(bytes calldata image) external view returns (uint256) {
        return digitOf(CVM.inferView(model, checked(image)));
    }

    function checked(bytes calldata image) private pure returns (bytes memory) {
        require(image.length == 784, "DigitClassifier: an image is 28x28 = 784 int8 pixels");
        return image;
    }

    function digitOf(bytes memory output) private view returns (uint256) {
        uint256 n = output.length / outputElementSize;
        if (n == 1) return uint256(CVM.element(output, outputElementSize, 0));
        return CVM.argmax(output, outputElementSize);
    }
}
