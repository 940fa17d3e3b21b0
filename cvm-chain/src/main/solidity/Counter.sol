// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// A counter with an owner, events, a string field and a transient-storage reentrancy lock (EIP-1153).
contract Counter {
    uint256 public count;
    address public immutable owner;
    address public lastCaller;
    string public label;
    bool private transient locked;

    event Incremented(address indexed by, uint256 amount, uint256 newCount);
    event LabelChanged(string label);
    event Reset(address indexed by);

    constructor(uint256 start) {
        count = start;
        owner = msg.sender;
    }

    modifier nonReentrant() {
        require(!locked, "Counter: reentrant call");
        locked = true;
        _;
        locked = false;
    }

    function increment() external nonReentrant returns (uint256) {
        return _add(1);
    }

    function add(uint256 amount) external nonReentrant returns (uint256) {
        return _add(amount);
    }

    function setLabel(string calldata newLabel) external {
        label = newLabel;
        emit LabelChanged(newLabel);
    }

    function reset() external {
        require(msg.sender == owner, "Counter: not the owner");
        count = 0;
        emit Reset(msg.sender);
    }

    function _add(uint256 amount) private returns (uint256) {
        uint256 next = count + amount; // checked: overflow reverts with Panic(0x11)
        count = next;
        lastCaller = msg.sender;
        emit Incremented(msg.sender, amount, next);
        return next;
    }
}
