import { platformContract } from "./platform-contract.ts";
import { vtexHarness } from "./vtex-harness.ts";

platformContract(vtexHarness);
