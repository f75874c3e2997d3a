/** A result's rows for its chart and table: counts, share of all votes and length of the bar. */

export interface BarRow {
  option: string;
  count: number;
  /** Bar length: this count relative to the largest (0..100). */
  percentOfMax: number;
  /** This count's share of all votes (0..100). */
  share: number;
}

/** One row per option, scaled for the bar chart. */
export function barRows(options: readonly string[], counts: readonly string[]): BarRow[] {
  const values = options.map((_, i) => Number(counts[i] ?? "0"));
  const max = Math.max(0, ...values);
  const total = values.reduce((sum, value) => sum + value, 0);
  return options.map((option, i) => {
    const count = values[i] ?? 0;
    return {
      option,
      count,
      percentOfMax: max > 0 ? (count / max) * 100 : 0,
      share: percentOf(count, total),
    };
  });
}

/** `part` of `whole` in percent (0 of nothing is 0%): shares of votes, turnout. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}
