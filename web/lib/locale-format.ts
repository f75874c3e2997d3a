/**
 * Dates, numbers and percentages in one language's format, for everything the site shows. Machine
 * formats (ISO times in JSON reports, CSV cells, ids, block numbers) are not shown through these.
 */

export interface LocaleFormats {
  /** A moment (seconds since the epoch) as a long date with the time. */
  formatDate: (unixSeconds: number) => string;
  formatNumber: (value: number | bigint) => string;
  /** A percentage (0..100) to one decimal, with the sign where the language puts it ("12,5 %"). */
  formatPercent: (percent: number) => string;
}

export function localeFormats(locale: string): LocaleFormats {
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" });
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  return {
    formatDate: (unixSeconds) => dates.format(new Date(unixSeconds * 1000)),
    formatNumber: (value) => numbers.format(value),
    formatPercent: (percent) => percents.format(percent / 100),
  };
}
