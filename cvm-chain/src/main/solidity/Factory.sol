// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// Deployed by Factory with CREATE2; remembers its creator and a value only the creator may change.
contract Child {
    address public immutable factory;
    uint256 public value;

    constructor(uint256 initial) payable {
        factory = msg.sender;
        value = initial;
    }

    function setValue(uint256 newValue) external {
        require(msg.sender == factory, "Child: only the factory");
        value = newValue;
    }
}

/// Creates Child contracts at salted addresses (CREATE2) and calls into them.
contract Factory {
    address[] public children;

    event Deployed(address indexed child, bytes32 indexed salt, uint256 initial);

    function deploy(bytes32 salt, uint256 initial) external payable returns (address) {
        Child child = new Child{salt: salt, value: msg.value}(initial);
        children.push(address(child));
        emit Deployed(address(child), salt, initial);
        return address(child);
    }

    /// The CREATE2 address: keccak256(0xff ++ this ++ salt ++ keccak256(initcode))[12:].
    function predict(bytes32 salt, uint256 initial) external view returns (address) {
        bytes32 codeHash = keccak256(abi.encodePacked(type(Child).creationCode, abi.encode(initial)));
        return address(uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), salt, codeHash)))));
    }

    function setChildValue(address child, uint256 newValue) external returns (uint256) {
        Child(child).setValue(newValue);
        return Child(child).value();
    }

    function childCount() external view returns (uint256) {
        return children.length;
    }
}
