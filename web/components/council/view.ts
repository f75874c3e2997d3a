/**
 * Which council page is shown, from the query string: a static export has no path per
 * referendum, so `/council/?referendum=<id>` and the like name the view.
 */

export type CouncilView =
  | { kind: "dashboard" }
  | { kind: "census"; id: string }
  | { kind: "new" }
  | { kind: "edit"; id: string }
  | { kind: "referendum"; id: string };

export function parseView(search: string): CouncilView {
  const query = new URLSearchParams(search);
  const census = query.get("census");
  const referendum = query.get("referendum");
  const edit = query.get("edit");
  if (census) return { kind: "census", id: census };
  if (edit) return { kind: "edit", id: edit };
  if (referendum) return { kind: "referendum", id: referendum };
  if (query.get("new") === "referendum") return { kind: "new" };
  return { kind: "dashboard" };
}

/** The address of a view (path and query), for links and the history. */
export function viewHref(view: CouncilView): string {
  const e = encodeURIComponent;
  switch (view.kind) {
    case "census":
      return `/council/?census=${e(view.id)}`;
    case "edit":
      return `/council/?edit=${e(view.id)}`;
    case "referendum":
      return `/council/?referendum=${e(view.id)}`;
    case "new":
      return "/council/?new=referendum";
    default:
      return "/council/";
  }
}
