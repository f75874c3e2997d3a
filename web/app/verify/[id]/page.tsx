import type { ReactNode } from "react";
import { ROUTE_PLACEHOLDER } from "../../../lib/routes";
import { VerifyPage } from "./verify-page";

export function generateStaticParams(): { id: string }[] {
  return [{ id: ROUTE_PLACEHOLDER }];
}

export default function Page(): ReactNode {
  return <VerifyPage />;
}
