/**
 * Pins the stored key strings: the table's items are found by these bytes, so a change here breaks
 * every existing table. A failure means a key builder changed, not that this test needs updating.
 */
import { idOfKey, indexOfKey, tableKeys as keys } from "../../../../functions/core/table-keys";

describe("# tableKeys", () => {
  it("should build the partition keys byte for byte", () => {
    expect(keys.council("c-1")).toBe("COUNCIL#c-1");
    expect(keys.census("ab12")).toBe("CENSUS#ab12");
    expect(keys.referendum("42")).toBe("REF#42");
    expect(keys.queue("42")).toBe("REF#42#QUEUE");
    expect(keys.log("42")).toBe("REF#42#LOG");
    expect(keys.referendaIndex).toBe("REFERENDA");
    expect(keys.liveIndex).toBe("LIVE");
    expect(keys.censusPrefix).toBe("CENSUS#");
    expect(keys.referendumPrefix).toBe("REF#");
  });

  it("should build the census sort keys byte for byte", () => {
    expect(keys.censusMeta).toBe("META");
    expect(keys.code("f00d")).toBe("CODE#f00d");
    expect(keys.commitment("123")).toBe("COMMIT#123");
    expect(keys.leaf(0)).toBe("LEAF#000000000000");
    expect(keys.leaf(42)).toBe("LEAF#000000000042");
    expect(keys.leaf(123_456_789_012)).toBe("LEAF#123456789012");
    expect(keys.leafPrefix).toBe("LEAF#");
  });

  it("should build the referendum sort keys byte for byte", () => {
    expect(keys.referendumMeta).toBe("META");
    expect(keys.liveIndexBackfilled).toBe("BACKFILLED");
    expect(keys.tally).toBe("TALLY");
    expect(keys.revision("77", 1)).toBe("NULL#77#0000000001");
    expect(keys.revision("77", 12)).toBe("NULL#77#0000000012");
    expect(keys.revisionsOf("77")).toBe("NULL#77#");
    expect(keys.revisionPrefix).toBe("NULL#");
    expect(keys.ballot("be11")).toBe("BALLOT#be11");
    expect(keys.sweep).toBe("SWEEP");
    expect(keys.lease).toBe("LEASE");
    expect(keys.queued(1_700_000_000, "be11")).toBe("001700000000#be11");
    expect(keys.queued(5, "be11")).toBe("000000000005#be11");
  });

  it("should build the log sort keys byte for byte", () => {
    expect(keys.logEntry(0)).toBe("E#000000000000");
    expect(keys.logEntry(31)).toBe("E#000000000031");
    expect(keys.logEntryPrefix).toBe("E#");
    expect(keys.entryHashIndex("c0ffee")).toBe("H#c0ffee");
    expect(keys.logNode(1, 0)).toBe("N#01#000000000000");
    expect(keys.logNode(12, 7)).toBe("N#12#000000000007");
    expect(keys.logHead).toBe("HEAD");
    expect(keys.treeHead(0)).toBe("STH#000000000000");
    expect(keys.treeHead(1024)).toBe("STH#000000001024");
    expect(keys.treeHeadPrefix).toBe("STH#");
  });

  it("should read the index back from a zero-padded sort key", () => {
    expect(indexOfKey(keys.leaf(42))).toBe(42);
    expect(indexOfKey(keys.treeHead(1024))).toBe(1024);
    expect(indexOfKey(keys.logEntry(0))).toBe(0);
  });

  it("should read the id back from a prefixed sort key", () => {
    expect(idOfKey(keys.census("ab12"), keys.censusPrefix)).toBe("ab12");
    expect(idOfKey(keys.referendum("42"), keys.referendumPrefix)).toBe("42");
  });
});
