// Jacobian check for devices whose port voltages live on a scale other than 1 V (a
// Josephson junction works at millivolts, where test::check_jacobian's 1 uV step crosses
// the gap corners). Same criterion as test::check_jacobian, with the finite-difference
// step relative to `port_scale` for the port voltages.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "devices/device.hpp"

namespace memspice::test {

inline void check_jacobian_scaled(const devices::Family& family, const devices::DeviceModel& model,
                                  const devices::Inputs& in, double port_scale, double rtol = 1e-5) {
    const int np = family.ports();
    const int ns = static_cast<int>(family.states.size());
    auto idx = [](int k) { return static_cast<std::size_t>(k); };
    devices::Outputs base;
    model.evaluate(in, base);
    for (int var = 0; var < np + ns; ++var) {
        const double scale = var < np ? port_scale : family.states[idx(var - np)].scale;
        const double value = var < np ? in.v[idx(var)] : in.x[idx(var - np)];
        const double h = 1e-6 * std::max(std::abs(value), scale);
        devices::Inputs plus_in = in, minus_in = in;
        if (var < np) {
            plus_in.v[idx(var)] += h;
            minus_in.v[idx(var)] -= h;
        } else {
            plus_in.x[idx(var - np)] += h;
            minus_in.x[idx(var - np)] -= h;
        }
        devices::Outputs plus, minus;
        model.evaluate(plus_in, plus);
        model.evaluate(minus_in, minus);
        for (int row = 0; row < np + ns; ++row) {
            double analytic, numeric, row_size = 0;
            if (row < np) {
                const auto r = idx(row);
                analytic = var < np ? base.di_dv[r][idx(var)] : base.di_dx[r][idx(var - np)];
                numeric = (plus.i[r] - minus.i[r]) / (2 * h);
                for (int k = 0; k < np; ++k) row_size = std::max(row_size, std::abs(base.di_dv[r][idx(k)]) * port_scale);
                for (int k = 0; k < ns; ++k)
                    row_size = std::max(row_size, std::abs(base.di_dx[r][idx(k)]) * family.states[idx(k)].scale);
            } else {
                const auto r = idx(row - np);
                analytic = var < np ? base.df_dv[r][idx(var)] : base.df_dx[r][idx(var - np)];
                numeric = (plus.dxdt[r] - minus.dxdt[r]) / (2 * h);
                for (int k = 0; k < np; ++k) row_size = std::max(row_size, std::abs(base.df_dv[r][idx(k)]) * port_scale);
                for (int k = 0; k < ns; ++k)
                    row_size = std::max(row_size, std::abs(base.df_dx[r][idx(k)]) * family.states[idx(k)].scale);
            }
            INFO(family.name << ": d(row " << row << ")/d(var " << var << ") analytic " << analytic << " numeric "
                             << numeric << " at v = " << in.v[0] << ", x0 = " << in.x[0] << ", x1 = " << in.x[1]);
            CHECK(std::abs(analytic - numeric) * scale <= rtol * row_size + 1e-300);
        }
    }
}

}  // namespace memspice::test
