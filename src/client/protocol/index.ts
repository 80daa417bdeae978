/** The typed-operation protocol: one EngineClient over any channel (WebSocket, MessagePort), and its dispatcher. */
export { type Channel, channelPair, type PortLike, portChannel, type WebSocketLike, webSocketChannel } from './channel';
export { type ChannelClient, createChannelClient } from './client';
export { decodeFrame, encodeFrame, FrameDecodeError } from './codec';
export { type DispatcherOptions, serveChannel } from './dispatcher';
export type { ClientFrame, Frame, ServerFrame, WireError } from './frames';
export { LIMITS, MAX_FRAME_BYTES } from './limits';
export { isOpName, OP_NAMES, OPERATIONS, type OpName } from './operations';
export type { RemoteProcessIO } from './server-io';
export type { WorkspaceApi } from './workspace-api';
