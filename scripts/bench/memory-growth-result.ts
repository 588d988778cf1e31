/** The number of new conversations the memory requirement names. */
export const CONVERSATIONS = 40_000;

/** What the memory-growth child process reports. */
export interface MemoryGrowthResult {
  readonly conversations: number;
  readonly baselineMb: number;
  readonly afterMb: number;
  readonly growthMb: number;
  readonly heapGrowthMb: number;
  readonly storedConversations: number;
  readonly stateBytes: { readonly min: number; readonly max: number };
  readonly seconds: number;
}
