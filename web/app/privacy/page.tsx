import type { ReactNode } from "react";
import { PrivacyPage } from "../../components/site-pages/statement-pages";

export default function Page(): ReactNode {
  return <PrivacyPage />;
}
