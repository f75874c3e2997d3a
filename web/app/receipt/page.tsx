import type { ReactNode } from "react";
import { ReceiptPage } from "../../components/citizen/receipt-page";

export default function Page(): ReactNode {
  return <ReceiptPage />;
}
