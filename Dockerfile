# coglint in a container, for GitLab CI and every CI that runs images:
#   docker build -t coglint .
#   docker run --rm -v "$PWD:/src" coglint                      # coglint check .
#   docker run --rm -v "$PWD:/src" coglint check --format sarif -o coglint.sarif infra/
# The binary is static (musl), on Alpine rather than scratch so that GitLab CI, which runs a
# job's script with the image's shell, can use it (`entrypoint: [""]` in the job's image).

FROM rust:1-alpine AS build
WORKDIR /build
COPY . .
# Rust's musl target links statically by default; coglint has no C dependencies.
RUN cargo build --release --locked --package coglint \
    && cp target/release/coglint /usr/local/bin/coglint \
    && /usr/local/bin/coglint --version

FROM alpine:3
COPY --from=build /usr/local/bin/coglint /usr/local/bin/coglint
WORKDIR /src
ENTRYPOINT ["coglint"]
CMD ["check", "."]
