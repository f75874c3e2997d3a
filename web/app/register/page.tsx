import type { ReactNode } from "react";
import { AfterHydration } from "../../components/after-hydration";
import { RegisterPage } from "../../components/citizen/register-page";

export default function Page(): ReactNode {
  return (
    <AfterHydration>
      <RegisterPage />
    </AfterHydration>
  );
}
