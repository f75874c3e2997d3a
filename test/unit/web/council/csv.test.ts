/** The issued registration codes CSV, its file name, the registration link and the council views' addresses. */
import {
  codesFileName,
  mailMergeCsv,
  mailMergeFileName,
  parseCodesCsv,
  registrationLink,
} from "../../../../web/components/council/csv";
import { parseView, viewHref, type CouncilView } from "../../../../web/components/council/view";

describe("# council codes CSV", () => {
  it("should read the codes under the header, ignoring blank lines and CRLF", () => {
    expect(parseCodesCsv("code\nAAAA-BBBB\nCCCC-DDDD\n")).toEqual(["AAAA-BBBB", "CCCC-DDDD"]);
    expect(parseCodesCsv("code\r\nX1\r\n\r\nX2")).toEqual(["X1", "X2"]);
    expect(parseCodesCsv("code\n")).toEqual([]);
  });

  it("should refuse a CSV without the code header", () => {
    expect(() => parseCodesCsv("AAAA\nBBBB")).toThrow("header");
    expect(() => parseCodesCsv("")).toThrow("header");
  });

  it("should name the file after the census and build the registration link", () => {
    expect(codesFileName("c-42")).toBe("codes-c-42.csv");
    expect(codesFileName("a/b c")).toBe("codes-a_b_c.csv");
    expect(registrationLink("https://vote.example", "c 1")).toBe("https://vote.example/register/?census=c%201");
  });

  it("should write one mail-merge row per letter: the code and its personal link, the code in the fragment", () => {
    expect(mailMergeCsv("https://vote.example", "c1", ["AAAA-BBBB", "CCCC-DDDD"])).toBe(
      "code,registration_link\r\n" +
        "AAAA-BBBB,https://vote.example/register/?census=c1#code=AAAA-BBBB\r\n" +
        "CCCC-DDDD,https://vote.example/register/?census=c1#code=CCCC-DDDD\r\n",
    );
    expect(mailMergeCsv("https://vote.example", "c1", [])).toBe("code,registration_link\r\n");
    expect(mailMergeFileName("a/b")).toBe("letters-a_b.csv");
  });
});

describe("# council views", () => {
  it("should round-trip every view through its address", () => {
    const views: CouncilView[] = [
      { kind: "dashboard" },
      { kind: "census", id: "7" },
      { kind: "new" },
      { kind: "edit", id: "12" },
      { kind: "referendum", id: "a&b" },
    ];
    for (const view of views) expect(parseView(viewHref(view).slice("/council/".length))).toEqual(view);
    expect(parseView("?code=x&state=y")).toEqual({ kind: "dashboard" });
  });
});
