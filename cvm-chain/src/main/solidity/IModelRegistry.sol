// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// The CVM-J model registry, a system contract implemented natively by the node at address 0xc000
/// (docs/models-on-chain.md). Every function returns a value, so that Solidity callers do not need code at the
/// address. Invalid arguments revert with a reason string.
interface IModelRegistry {
    /// A model was registered; `model` is its address, the sender its author.
    event Registered(address indexed model, address indexed author, bytes32 symbolHash, uint64 symbolSize,
        bytes32 paramsHash, uint64 paramsSize, uint64 fee, string description);
    /// A new chunk arrived: chunk `index` of `file` (0 symbol, 1 params), `received` of `total` for both files.
    event UploadProgress(address indexed model, uint8 file, uint32 index, uint32 received, uint32 total);
    /// The model passed verification; it is callable from block `readyBlock` and costs `ops` operations.
    event Ready(address indexed model, uint64 ops, uint64 readyBlock);
    /// The model failed verification (hash mismatch, load checks, input shape); register it again.
    event Rejected(address indexed model, string reason);
    /// A paid call: `caller` paid `feeGas` gas, worth `feePaid` wei, to `author`.
    event Called(address indexed model, address indexed caller, address indexed author, uint64 feeGas,
        uint256 feePaid);

    /// Registers a model; the sender becomes its author. `fee` is in gas per call.
    function register(bytes32 symbolHash, uint64 symbolSize, bytes32 paramsHash, uint64 paramsSize,
        uint32[] calldata inputShape, uint64 fee, string calldata description) external returns (address model);

    /// Uploads chunk `index` (64 KiB each, the last one shorter) of `file` (0 symbol, 1 params); author only.
    /// Returns the number of chunks still missing; the last one verifies the model.
    function uploadChunk(address model, uint8 file, uint32 index, bytes calldata data) external returns (uint32 missing);

    function modelCount() external view returns (uint256);

    /// The `index`-th model, from 1.
    function modelAt(uint256 index) external view returns (address);

    /// `status`: 1 uploading, 2 ready (from `readyBlock`), 3 rejected. `earned` is in wei.
    function modelInfo(address model) external view returns (address author, uint8 status, uint64 fee, uint64 ops,
        uint64 readyBlock, uint64 calls, uint256 earned);

    function modelFiles(address model) external view returns (bytes32 symbolHash, uint64 symbolSize,
        bytes32 paramsHash, uint64 paramsSize, uint32 chunksReceived, uint32 chunksTotal);

    /// Element sizes are 1 (int8) or 4 (int32, big-endian); all four are 0 until the model is verified.
    function modelIO(address model) external view returns (uint32[] memory inputShape, uint8 inputElementSize,
        uint32 inputBytes, uint8 outputElementSize, uint32 outputBytes);

    function description(address model) external view returns (string memory);

    /// Why the model was rejected; empty unless it was.
    function rejection(address model) external view returns (string memory);

    /// keccak256 of a received chunk, zero until it is received.
    function chunkHash(address model, uint8 file, uint32 index) external view returns (bytes32);

    /// Wei earned by `author` from all their models.
    function authorEarned(address author) external view returns (uint256);

    function chunkSize() external pure returns (uint256);
}
