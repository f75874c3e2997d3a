import type { ReactNode } from "react";
import { AboutPage } from "../../components/site-pages/statement-pages";

export default function Page(): ReactNode {
  return <AboutPage />;
}
