/**
 * Where broadcasts to one room may go straight to one node: the meeting server tells its adapter
 * which node a participant's room lives on (see `attachMeetings`).
 */
export interface NodeRoutes {
  /** This node's id, as `nodeOf` names nodes: its own stream is read beside the shared one. */
  nodeId: string;
  /** The node every socket of `room` is on, when that is known; `undefined` otherwise. */
  nodeOf(room: string): string | undefined;
}

/** An adapter that can send a broadcast to one room straight to the node of that room. */
export interface NodeRoutingAdapter {
  /** Starts routing by `routes` (and reading this node's own stream); returns the function that stops routing. */
  routeByNode(routes: NodeRoutes): () => void;
}

/** Whether an adapter can route broadcasts by node (the Redis streams adapter can). */
export const canRouteByNode = (adapter: unknown): adapter is NodeRoutingAdapter =>
  typeof (adapter as Partial<NodeRoutingAdapter> | null)?.routeByNode === 'function';
