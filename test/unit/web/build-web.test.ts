import { externalizeInlineScripts } from "../../../web/scripts/build-web";

describe("# externalizeInlineScripts", () => {
  const moved: string[] = [];
  const write = (body: string): string => {
    moved.push(body);
    return `/inline/${moved.length}.js`;
  };

  beforeEach(() => {
    moved.length = 0;
  });

  it("should move each executable inline script to a file at the same place, keeping its attributes", () => {
    const html =
      '<head><script src="/a.js" async=""></script><script id="_R_">boot()</script></head>' +
      "<body><p>x</p><script>(self.__next_f=self.__next_f||[]).push([0])</script><script>push(1)</script></body>";
    expect(externalizeInlineScripts(html, write)).toBe(
      '<head><script src="/a.js" async=""></script><script id="_R_" src="/inline/1.js"></script></head>' +
        '<body><p>x</p><script src="/inline/2.js"></script><script src="/inline/3.js"></script></body>',
    );
    expect(moved).toEqual(["boot()", "(self.__next_f=self.__next_f||[]).push([0])", "push(1)"]);
  });

  it("should leave data blocks, empty scripts and external scripts alone", () => {
    const html =
      '<script type="application/ld+json">{"a":1}</script><script></script><script src="/b.js"></script>' +
      '<script type="module">run()</script>';
    expect(externalizeInlineScripts(html, write)).toBe(
      '<script type="application/ld+json">{"a":1}</script><script></script><script src="/b.js"></script>' +
        '<script type="module" src="/inline/1.js"></script>',
    );
  });
});
