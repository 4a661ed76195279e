import { platformContract } from "./platform-contract.ts";
import { wooHarness } from "./woocommerce-harness.ts";

platformContract(wooHarness);
