import type { ReactNode } from "react";
import { RegisterPage } from "../../components/citizen/register-page";

export default function Page(): ReactNode {
  return <RegisterPage />;
}
