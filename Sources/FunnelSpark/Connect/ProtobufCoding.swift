import GRPCCore
import SwiftProtobuf

// gRPC's messages as protobuf bytes. grpc-swift-protobuf has the same two
// types, but depending on it makes every build of the tests compile protoc
// and gRPC's code generator (C++ and Swift, minutes on two cores) for these
// twenty lines.

/// A protobuf message written as the bytes of one gRPC message.
struct ProtobufSerializer<Message: SwiftProtobuf.Message>: MessageSerializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: Message) throws -> Bytes {
    do {
      let bytes: [UInt8] = try message.serializedBytes()
      return Bytes(bytes)
    } catch {
      throw RPCError(code: .invalidArgument, message: "cannot encode a \(Message.self)", cause: error)
    }
  }
}

/// The bytes of one gRPC message read as a protobuf message.
struct ProtobufDeserializer<Message: SwiftProtobuf.Message>: MessageDeserializer {
  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> Message {
    do {
      let bytes = serializedMessageBytes.withUnsafeBytes { [UInt8]($0) }
      return try Message(serializedBytes: bytes)
    } catch {
      throw RPCError(code: .invalidArgument, message: "cannot decode a \(Message.self)", cause: error)
    }
  }
}
