import type { ReactNode } from "react";
import { IdentityPage } from "../../components/citizen/identity-page";

export default function Page(): ReactNode {
  return <IdentityPage />;
}
