import type { ReactNode } from "react";
import { AfterHydration } from "../../components/after-hydration";
import { IdentityPage } from "../../components/citizen/identity-page";

export default function Page(): ReactNode {
  return (
    <AfterHydration>
      <IdentityPage />
    </AfterHydration>
  );
}
