import { processIo } from "../../../cli/cli-io";
import { createProgress } from "../../../cli/progress";

describe("# createProgress", () => {
  it("should draw a bar with counts and rate at most ten times a second, and clear it at the end", () => {
    const written: string[] = [];
    let now = 0;
    const progress = createProgress(
      (text) => written.push(text),
      true,
      () => now,
    );
    progress.update("verifying proofs", 0, 1000);
    now = 50;
    progress.update("verifying proofs", 100, 1000);
    now = 1000;
    progress.update("verifying proofs", 500, 1000);
    progress.update("verifying proofs", 1000, 1000);
    progress.finish();
    expect(written).toHaveLength(4);
    expect(written[1]).toMatch(/^\rverifying proofs \[#{15}\.{15}\] 500\/1,000 500\/s/);
    expect(written[2]).toMatch(/\[#{30}\] 1,000\/1,000/);
    expect(written[3]).toBe("\r\x1b[K");
  });

  it("should draw nothing when disabled (stderr not a terminal, no --progress)", () => {
    const written: string[] = [];
    const progress = createProgress((text) => written.push(text), false);
    progress.update("fetching log", 1, 2);
    progress.finish();
    expect(written).toEqual([]);
  });
});

describe("# processIo", () => {
  it("should write to the process's streams", () => {
    const out = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const io = processIo();
      io.out("a");
      io.err("b");
      expect(out).toHaveBeenCalledWith("a");
      expect(err).toHaveBeenCalledWith("b");
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
