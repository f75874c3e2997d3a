import type { ReactNode } from "react";
import { AfterHydration } from "../../components/after-hydration";
import { ReceiptPage } from "../../components/citizen/receipt-page";

export default function Page(): ReactNode {
  return (
    <AfterHydration>
      <ReceiptPage />
    </AfterHydration>
  );
}
