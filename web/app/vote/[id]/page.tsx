import type { ReactNode } from "react";
import { AfterHydration } from "../../../components/after-hydration";
import { VotePage } from "../../../components/citizen/vote-page";
import { ROUTE_PLACEHOLDER } from "../../../lib/routes";

export function generateStaticParams(): { id: string }[] {
  return [{ id: ROUTE_PLACEHOLDER }];
}

export default function Page(): ReactNode {
  return (
    <AfterHydration>
      <VotePage />
    </AfterHydration>
  );
}
