import { lojaTesteHarness } from "./loja-teste-harness.ts";
import { platformContract } from "./platform-contract.ts";

platformContract(lojaTesteHarness);
