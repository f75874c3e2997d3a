import type { ReactNode } from "react";
import { AccessibilityPage } from "../../components/site-pages/statement-pages";

export default function Page(): ReactNode {
  return <AccessibilityPage />;
}
