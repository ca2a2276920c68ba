/**
 * Which public KICS check (its `query_dir` in ../shared/corpora/iac-kics/labels.jsonl) each
 * Gatehouse IaC rule overlaps with, for bench/accuracy-iac.ts. Only checks that test the same
 * thing are mapped; a rule may cover several checks and a check several rules (then any of
 * them finding the line counts). This is test data about the corpus, not rule metadata.
 */
export const KICS_MAP: Readonly<Record<string, readonly string[]>> = {};
