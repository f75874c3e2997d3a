import type { ReactNode } from "react";
import { VerifyIndex } from "../../components/verify/verify-index";

export default function Page(): ReactNode {
  return <VerifyIndex />;
}
