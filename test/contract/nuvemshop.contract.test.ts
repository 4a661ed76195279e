// Nuvemshop passes the platform contract against its simulator.
import { nuvemshopHarness } from "./nuvemshop-harness.ts";
import { platformContract } from "./platform-contract.ts";

platformContract(nuvemshopHarness);
