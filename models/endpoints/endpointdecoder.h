#pragma once

#include <string>
#include <string_view>

/// Hour-billed inference: which endpoint a charge paid for, on what hardware, serving which model
/// (models/endpoints/README.md). Pure functions; the ingestor runs deriveEndpoint for every source.
namespace Endpoints {

/// What a producer wrote about a charge, as far as it can tell an endpoint.
struct EndpointHints {
    std::string_view provider;
    std::string_view service;
    std::string_view usageType;         ///< AWS usage type, Azure meter, GCP SKU description, HF usage type
    std::string_view skuMeter;
    std::string_view resourceId;
    std::string_view resourceName;
    std::string_view chargeDescription;
    std::string_view tags;              ///< FOCUS Tags JSON object
    std::string_view model;             ///< the charge's model (given or derived), may be empty
};

/// Endpoint, instance type, accelerator and model served; all empty when the charge is not an
/// hour-billed endpoint line. `instanceType` is empty for component lines of an endpoint (Vertex
/// core and RAM hours) whose hours are not instance hours.
struct EndpointDerived {
    std::string endpoint;
    std::string instanceType;
    std::string accelerator;
    std::string servedModel;
    bool any() const { return !endpoint.empty(); }
};

/// Decodes SageMaker hosting (`USE1-Host:ml.g5.12xlarge`, "per Hosting ml.… hour"), Azure ML online
/// endpoints (tags azuremlendpoint / azuremldeployment on VM meters), Vertex AI "Online/Batch
/// Prediction … running in" SKUs, Bedrock and Azure OpenAI provisioned throughput, and Hugging Face
/// `hf-endpoint:<vendor>:<type>:<size>` lines (pure function).
EndpointDerived deriveEndpoint(const EndpointHints &hints);

/// Hours one unit of `unit` stands for ("Hrs", "Hours", "1 Hour", "Hour" 1; "10 Hours" 10); 0 when
/// the unit is not an hour unit (GiB-hours, tokens, requests).
double hourUnitMultiplier(std::string_view unit);

} // namespace Endpoints
