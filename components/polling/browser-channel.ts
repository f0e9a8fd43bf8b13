import type { TabChannel } from "@/lib/polling/fleet/other-tabs";

/** A BroadcastChannel as the runner uses it, or undefined where the browser has none. */
export function browserChannel(): ((name: string) => TabChannel) | undefined {
  if (typeof BroadcastChannel === "undefined") return undefined;
  return (name) => {
    const channel = new BroadcastChannel(name);
    return {
      postMessage: (message) => {
        channel.postMessage(message);
      },
      onMessage: (listener) => {
        channel.addEventListener("message", (event: MessageEvent<unknown>) => {
          listener(event.data);
        });
      },
      close: () => {
        channel.close();
      },
    };
  };
}
