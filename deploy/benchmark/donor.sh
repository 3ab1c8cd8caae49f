# Sourced by the benchmarks: donor_with_agreement BASE_URL USER:PASSWORD NAME prints the identifier of a new donor,
# NAME, with an agreement in force (a device is received only from such a donor), made through the command API.
donor_with_agreement() {
    local donor
    donor=$(curl -fsS -X POST "$1/api/donors" -H 'Content-Type: application/json' -u "$2" \
        -d "{\"legalName\":\"$3\",\"kind\":\"COMPANY\",\"contactPerson\":\"Bench\",\"contactEmail\":\"bench@example.org\"}" \
        | sed 's/.*"donorId":"\([^"]*\)".*/\1/')
    curl -fsS -o /dev/null -X POST "$1/api/donors/$donor/agreements" -H 'Content-Type: application/json' -u "$2" \
        -d '{"modelAgreementVersion":"2023-0208","signatoryName":"Bench","signatoryRole":"CEO",
        "signedOn":"2020-01-01","validFrom":"2020-01-01","commitments":{"freeForBeneficiary":true,
        "equipmentTraceability":true,"dataErasure":true,"handOverCeremony":true}}'
    echo "$donor"
}
