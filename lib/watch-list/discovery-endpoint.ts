/**
 * A DevCenter endpoint whose dev boxes the person asked opwatch to find, as it is kept with the watch list (the same
 * stored document, so it follows the same tabs, backups and sign-outs).
 */
export interface DiscoveryEndpoint {
  /** host[:port], lower case, as in a DevCenter operation ref. */
  host: string;
  addedAt: number;
  /** "Watch new operations automatically". */
  autoWatch: boolean;
  /** When the switch was last turned on (ms): only operations started since are added on their own. */
  autoWatchSince: number | undefined;
  /** Keys already added on their own (newest last, bounded): one the person removed is not added again. */
  autoWatched: string[];
}
